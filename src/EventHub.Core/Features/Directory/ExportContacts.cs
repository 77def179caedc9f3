using System.Security.Claims;
using CsvHelper;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Directory;

public sealed record ContactExport(string FileName, byte[] Content);

/// <summary>
/// The whole directory as CSV: UTF-8 with a BOM (so Excel reads accents), commas, a header row, the columns the import
/// recognises, sectors by label and tags joined by '|': the file imports back as it was.
/// </summary>
public sealed class ExportContacts(IDbContextFactory<EventHubDbContext> dbFactory, DirectoryAccess access, TimeProvider clock)
{
    public async Task<Outcome<ContactExport>> ExecuteAsync(ClaimsPrincipal actor, Guid directoryOrganisationId, CancellationToken ct = default)
    {
        if (!await access.CanManageAsync(actor, directoryOrganisationId, ct))
        {
            return Outcome<ContactExport>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var directory = await db.Organisations.AsNoTracking().Where(o => o.Id == directoryOrganisationId).Select(o => new { o.Name, o.Acronym }).SingleOrDefaultAsync(ct);
        if (directory is null)
        {
            return Outcome<ContactExport>.NotFound();
        }

        var contacts = await db.Contacts.AsNoTracking().Where(c => c.DirectoryOrganisationId == directoryOrganisationId)
            .OrderBy(c => c.Name).ThenBy(c => c.NormalizedEmail)
            .Select(c => new { c.Name, c.Email, Organisation = c.Organisation != null ? c.Organisation.Name : c.OrganisationName, c.Sector, c.Position, c.Country, c.Tags, c.Notes, c.DoNotContact, c.PreferredLanguage })
            .ToListAsync(ct);

        using var stream = new MemoryStream();
        // Cells that start like a formula (=, +, -, @) get a leading quote, as OWASP advises; the import removes it again.
        await using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            foreach (var field in Enum.GetValues<ContactField>())
            {
                csv.WriteField(ContactCsv.Header(field));
            }

            await csv.EndRecordAsync(ct);
            foreach (var c in contacts)
            {
                csv.WriteField(c.Name);
                csv.WriteField(c.Email);
                csv.WriteField(c.Organisation ?? "");
                csv.WriteField(SectorNames.Label(c.Sector));
                csv.WriteField(c.Position ?? "");
                csv.WriteField(c.Country ?? "");
                csv.WriteField(string.Join("|", c.Tags));
                csv.WriteField(c.Notes ?? "");
                csv.WriteField(ContactCsv.YesNo(c.DoNotContact));
                csv.WriteField(c.PreferredLanguage);
                await csv.EndRecordAsync(ct);
            }
        }

        var slug = new string((directory.Acronym ?? directory.Name).Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
        var fileName = $"expert-directory-{(slug.Length == 0 ? "export" : slug)}-{clock.GetUtcNow():yyyy-MM-dd}.csv";
        return Outcome<ContactExport>.Success(new ContactExport(fileName, stream.ToArray()));
    }
}
