using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace EventHub.Core.Common;

/// <summary>
/// The secret in a personal link: 32 random bytes, base64url in the link; the database keeps only the SHA-256 (hex),
/// so a leaked database does not open anyone's invitation.
/// </summary>
public static class PersonalToken
{
    public static (string Token, string Hash) Create()
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Rejects what cannot be a token before touching the database: 43 base64url characters.</summary>
    public static bool LooksValid(string? token) => token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
