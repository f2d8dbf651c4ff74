using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Core.Rooms;

/// <summary>
/// A member's public id, derived from the secret key their browser (or hub client) keeps. The id is
/// what every member sees in the room's state (members, seat holders); the key never leaves its
/// owner, and the id cannot be turned back into it, so seeing someone's id does not let anyone
/// join as them.
/// </summary>
public static class MemberIds
{
    public static string FromKey(string key) =>
        "m-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..20];
}
