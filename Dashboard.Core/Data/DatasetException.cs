namespace Dashboard.Core.Data;

/// <summary>
/// A bad input the user can fix. The message is written for a student: it names the file, line,
/// column and value where they apply, and says what to do. Never shown with a stack trace.
/// </summary>
public sealed class DatasetException : Exception
{
    public DatasetException(DataProblem problem, string message, string? fileName = null, long? line = null, string? column = null, string? value = null)
        : base(message)
    {
        Problem = problem;
        FileName = fileName;
        Line = line;
        ColumnName = column;
        Value = value;
    }

    public DataProblem Problem { get; }

    public string? FileName { get; }

    /// <summary>1-based line number in the file, where the problem is on one line.</summary>
    public long? Line { get; }

    public string? ColumnName { get; }

    public string? Value { get; }
}
