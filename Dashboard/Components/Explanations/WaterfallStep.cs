namespace Dashboard.Components.Explanations;

/// <summary>One bar of a waterfall: its label, Plotly measure (absolute, relative, total), value, where it ends, its texts and error.</summary>
internal sealed record WaterfallStep(string Label, string Measure, double Value, double End, string Text, string Hover, double? StandardError);
