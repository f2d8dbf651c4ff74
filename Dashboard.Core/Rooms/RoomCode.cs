using System.Security.Cryptography;

namespace Dashboard.Core.Rooms;

/// <summary>
/// Room join codes: 6 characters from a cryptographic generator over an alphabet without look-alikes
/// (no 0/O, 1/I/L), shown as two groups of three ("K7Q-2MX"): 31^6 ≈ 887 million codes, unguessable.
/// </summary>
public static class RoomCode
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private const int Length = 6;

    public static string New()
    {
        Span<char> code = stackalloc char[Length + 1];
        var next = 0;
        for (var i = 0; i < Length; i++)
        {
            if (i == 3) code[next++] = '-';
            code[next++] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return new string(code);
    }

    /// <summary>The canonical form of a typed code (upper case, dash added), or null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null) return null;
        var letters = new string(typed.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        if (letters.Length != Length || letters.Any(c => !Alphabet.Contains(c))) return null;
        return $"{letters[..3]}-{letters[3..]}";
    }
}
