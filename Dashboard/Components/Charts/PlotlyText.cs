namespace Dashboard.Components.Charts;

/// <summary>
/// Plotly reads a subset of HTML in titles, axis labels, legend names, annotations and hover text
/// (&lt;b&gt;, &lt;a href&gt;, &lt;br&gt;, entities). Every string that comes from the user (column
/// names, class labels, data set names) goes through <see cref="Escape"/> before it reaches Plotly,
/// so it is shown as typed and never interpreted; Plotly turns the entities back into characters.
/// </summary>
public static class PlotlyText
{
    /// <summary>Replaces &amp;, &lt; and &gt; with their entities; null becomes "".</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0) return text;
        // & first, so the entities added for < and > are not escaped twice.
        return text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
