using System.Text.RegularExpressions;

namespace Dashboard.Components.Shared;

/// <summary>
/// The text a student sees for an error: the message only, never a stack trace or an exception's
/// type name. Messages that arrive as strings (a failed result's error) are cut where a stack
/// trace would begin, in case one was passed along.
/// </summary>
public static partial class UserMessage
{
    public const string Fallback = "Something went wrong. Try again; if it keeps happening, reload the page.";

    /// <summary>What a client is told when a command failed for a reason of the server's own (the details go to the log).</summary>
    public const string ServerFault = "The server could not do that because of an error of its own (now in its log). Try again; if it happens again, tell whoever runs the server.";

    /// <summary>The message of an exception: the Core's own messages (DatasetException, bad settings) as they are.</summary>
    public static string From(Exception exception) => exception switch
    {
        // Unwrap the wrappers that async code and reflection add; their own message says nothing.
        AggregateException { InnerExceptions.Count: 1 } aggregate => From(aggregate.InnerExceptions[0]),
        System.Reflection.TargetInvocationException { InnerException: { } inner } => From(inner),
        _ => From(exception.Message),
    };

    /// <summary>
    /// The text up to the first line that looks like a stack frame, without the details .NET adds to
    /// argument exceptions (" (Parameter 'x')", "Actual value was 0."); the fallback when nothing is left.
    /// </summary>
    public static string From(string? message)
    {
        if (string.IsNullOrWhiteSpace(message)) return Fallback;
        var lines = message.ReplaceLineEndings("\n").Split('\n');
        var kept = lines
            .TakeWhile(line => !IsStackFrame(line) && !line.StartsWith("--- End of", StringComparison.Ordinal))
            .Where(line => !line.StartsWith("Actual value was ", StringComparison.Ordinal))
            .Select(line => ParameterSuffix().Replace(line, ""));
        var text = string.Join("\n", kept).Trim();
        return text.Length == 0 ? Fallback : text;
    }

    [GeneratedRegex(@" \(Parameter '[^']*'\)$")]
    private static partial Regex ParameterSuffix();

    private static bool IsStackFrame(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith("at ", StringComparison.Ordinal) && trimmed.Contains('(') && line.Length > trimmed.Length;
    }
}
