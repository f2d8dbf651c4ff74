using System.Text;
using System.Text.Unicode;

namespace Dashboard.Core.Data;

/// <summary>
/// Turns a CSV file's bytes into UTF-8 for the reader. UTF-8 (with or without a byte-order mark) is
/// read in place; UTF-16 with a byte-order mark and anything that is not valid UTF-8 are converted,
/// and the notice says which encoding was read. Text that is not UTF-8 is taken as Windows-1252, the
/// encoding Excel on Windows uses for "CSV" in Western Europe and the Americas: every byte means a
/// character there (Latin-1 files read the same, but for a few punctuation marks in 0x80-0x9F).
/// </summary>
internal static class TextEncoding
{
    /// <summary>Windows-1252's characters for bytes 0x80-0x9F; the five bytes it leaves undefined keep their C1 code point, as Windows does.</summary>
    private static readonly char[] Windows1252High =
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

    /// <summary>The text as UTF-8 without a byte-order mark, and a notice when it had to be converted.</summary>
    public static (ReadOnlyMemory<byte> Utf8, string? Notice) ToUtf8(byte[] content, string fileName)
    {
        var bytes = content.AsMemory();
        if (bytes.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return (bytes[3..], null);
        if (bytes.Span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Convert(Encoding.Unicode.GetString(content, 2, content.Length - 2)), $"'{fileName}' was read as UTF-16 (little-endian) text.");
        }
        if (bytes.Span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Convert(Encoding.BigEndianUnicode.GetString(content, 2, content.Length - 2)), $"'{fileName}' was read as UTF-16 (big-endian) text.");
        }
        // A NUL byte means binary data, which the reader refuses with its own message.
        if (Utf8.IsValid(bytes.Span) || bytes.Span.IndexOf((byte)0) >= 0) return (bytes, null);
        return (Convert(FromWindows1252(bytes.Span)),
            $"'{fileName}' is not UTF-8; it was read as Windows-1252 (Western European, as Excel on Windows saves 'CSV'). " +
            "If accented letters look wrong, save the file as 'CSV UTF-8' and load it again.");
    }

    public static string FromWindows1252(ReadOnlySpan<byte> bytes) =>
        string.Create(bytes.Length, bytes.ToArray(), static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var b = source[i];
                chars[i] = b is >= 0x80 and <= 0x9F ? Windows1252High[b - 0x80] : (char)b;
            }
        });

    private static ReadOnlyMemory<byte> Convert(string text) => Encoding.UTF8.GetBytes(text);
}
