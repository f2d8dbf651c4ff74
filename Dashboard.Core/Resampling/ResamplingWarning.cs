namespace Dashboard.Core.Resampling;

/// <summary>A guard rail that fired during a change, with a message written for the readout.</summary>
public sealed record ResamplingWarning(ResamplingWarningKind Kind, string Message);
