using Dashboard.Core.Training;

namespace Dashboard.Core.Export;

/// <summary>One algorithm's result in one run: a row of the export.</summary>
public sealed record ExportRow(RecordedRun Run, AlgorithmResult Result);
