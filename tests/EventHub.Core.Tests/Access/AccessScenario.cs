using System.IO.Compression;
using System.Text;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Tests.Vetting;

namespace EventHub.Core.Tests.Access;

/// <summary>Helpers for the access tests: personal links and real files of each allowed type.</summary>
internal static class AccessScenario
{
    public static async Task<string> LinkAsync(VettingScenario s, Guid registrationId)
    {
        var (token, hash) = PersonalToken.Create();
        await using var db = await s.Database.Factory.CreateDbContextAsync();
        db.RegistrationLinks.Add(new RegistrationLink { Id = Guid.NewGuid(), RegistrationId = registrationId, TokenHash = hash, CreatedAtUtc = s.Host.Clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
        return token;
    }

    public static byte[] Pdf(string text = "The study") => Encoding.ASCII.GetBytes($"%PDF-1.4\n% {text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    /// <summary>A minimal OOXML package: [Content_Types].xml plus a part under <paramref name="folder"/>.</summary>
    public static byte[] OfficePackage(string folder)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var w = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
            {
                w.Write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            }

            using (var w = new StreamWriter(zip.CreateEntry(folder + "document.xml").Open()))
            {
                w.Write("<doc/>");
            }
        }

        return stream.ToArray();
    }
}
