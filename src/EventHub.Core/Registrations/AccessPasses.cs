using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace EventHub.Core.Registrations;

/// <summary>
/// Issues, voids and renders access passes, inside the caller's transaction (the caller saves). A registration has at most
/// one live pass: issuing again returns the live one, so approving twice (or a retried approval) never makes a second.
/// The QR code carries only the 43-character random token; the database keeps its SHA-256 for lookup and the token itself
/// protected with Data Protection, so the attendee's page and the email can show the same code again.
/// </summary>
public sealed class AccessPasses(IDataProtectionProvider dataProtection, TimeProvider clock)
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("EventHub.AccessPass");

    /// <summary>The registration's live pass, or a new one added to the caller's context; with the token it carries.</summary>
    public async Task<(AccessPass Pass, string Token)> EnsureLiveAsync(EventHubDbContext db, Registration r, CancellationToken ct)
    {
        var live = db.AccessPasses.Local.FirstOrDefault(p => p.RegistrationId == r.Id && p.VoidedAtUtc is null)
                   ?? await db.AccessPasses.FirstOrDefaultAsync(p => p.RegistrationId == r.Id && p.VoidedAtUtc == null, ct);
        if (live is not null)
        {
            return (live, Token(live));
        }

        var (token, hash) = PersonalToken.Create();
        var pass = new AccessPass
        {
            Id = Guid.CreateVersion7(),
            EventId = r.EventId,
            RegistrationId = r.Id,
            TokenHash = hash,
            ProtectedToken = protector.Protect(token),
            IssuedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.AccessPasses.Add(pass);
        return (pass, token);
    }

    /// <summary>Voids every live pass of the registration (normally one); returns how many. The caller saves.</summary>
    public async Task<int> VoidAsync(EventHubDbContext db, Guid registrationId, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var live = await db.AccessPasses.Where(p => p.RegistrationId == registrationId && p.VoidedAtUtc == null).ToListAsync(ct);
        foreach (var pass in live.Concat(db.AccessPasses.Local.Where(p => p.RegistrationId == registrationId && p.VoidedAtUtc is null && !live.Contains(p))).ToList())
        {
            pass.VoidedAtUtc = now;
            pass.VoidReason = reason.Length > 500 ? reason[..500] : reason;
        }

        return live.Count;
    }

    public string Token(AccessPass pass) => protector.Unprotect(pass.ProtectedToken);

    /// <summary>The QR code as an SVG that scales to its container (viewBox, no fixed size).</summary>
    public static string Svg(string token)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(token, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    /// <summary>The QR code as a PNG, for the email (mail clients strip inline SVG, but show and print an attached PNG).</summary>
    public static byte[] Png(string token)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(token, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(10);
    }
}
