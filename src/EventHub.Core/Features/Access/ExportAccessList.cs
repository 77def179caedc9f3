using System.Globalization;
using System.Security.Claims;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Registrations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Access;

public enum AccessListFormat
{
    Csv,
    Xlsx,
}

public sealed record AccessListFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// The access list for building security: approved attendees with only the columns the venue asked for, under header
/// lines saying what it is, who exported it and when (in the event's time zone). Security fields are decrypted only for
/// organisers; for anyone else on the team those columns are left out and the header says so. Every export is audited.
/// </summary>
public sealed class ExportAccessList(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, SecurityData securityData, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<AccessListFile>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, AccessListFormat format, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.ViewParticipants))
        {
            return Outcome<AccessListFile>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null)
        {
            return Outcome<AccessListFile>.NotFound();
        }

        var organiser = await authorization.CanAsync(actor, eventId, EventPermission.ViewSecurityData);
        var chosen = AccessListColumns.Chosen(e.AccessListFields);
        var columns = chosen.Where(f => organiser || !AccessListColumns.IsSecurity(f)).ToList();
        var withheld = chosen.Count - columns.Count;
        var needsSecurity = columns.Any(AccessListColumns.IsSecurity);

        var people = await db.Registrations.AsNoTracking()
            .Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Approved && r.AnonymisedAtUtc == null)
            .OrderBy(r => r.Name).ThenBy(r => r.NormalizedEmail)
            .Select(r => new { r.Name, r.OrganisationName, r.Position, r.Email, r.Phone, r.ProtectedSecurityData })
            .ToListAsync(ct);

        var userId = actor.FindFirstValue(ClaimTypes.NameIdentifier);
        var exporter = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.Email }).SingleOrDefaultAsync(ct);
        var who = exporter is null ? actor.Identity?.Name ?? "unknown" : $"{exporter.DisplayName} <{exporter.Email}>";
        var now = clock.GetUtcNow().UtcDateTime;

        var header = new List<string>
        {
            $"Access list: {e.Title}",
            $"{EventTime.Format(e.StartsAtUtc, e.TimeZoneId)}{(string.IsNullOrWhiteSpace(e.Venue) ? "" : " · " + e.Venue)}{(string.IsNullOrWhiteSpace(e.City) ? "" : ", " + e.City)}",
            $"Exported by {who} on {EventTime.Format(now, e.TimeZoneId, "d MMMM yyyy, HH:mm")}",
            $"{people.Count} approved {(people.Count == 1 ? "attendee" : "attendees")}. Confidential: personal data for building security only; delete after the event.",
        };
        if (withheld > 0)
        {
            header.Add("Security fields (date of birth, nationality, identity document) are left out: only the event's organisers may export them.");
        }

        var rows = people.Select(p =>
        {
            var security = needsSecurity ? securityData.Unprotect(p.ProtectedSecurityData) : null;
            return columns.Select(c => c switch
            {
                AccessListField.Name => p.Name,
                AccessListField.Organisation => p.OrganisationName ?? "",
                AccessListField.Position => p.Position ?? "",
                AccessListField.Email => p.Email,
                AccessListField.Phone => p.Phone ?? "",
                AccessListField.DateOfBirth => security?.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                AccessListField.Nationality => security?.Nationality ?? "",
                AccessListField.DocumentType => security?.DocumentType ?? "",
                AccessListField.DocumentNumber => security?.DocumentNumber ?? "",
                _ => "",
            }).ToList();
        }).ToList();
        var labels = columns.Select(AccessListColumns.Label).ToList();

        var content = format == AccessListFormat.Csv ? await CsvAsync(header, labels, rows, ct) : Xlsx(header, labels, rows);
        audit.Record(db, actor, "access-list.exported", eventId, nameof(Event), eventId.ToString(),
            $"{format.ToString().ToUpperInvariant()}, {people.Count} attendees, columns: {string.Join(", ", columns)}{(withheld > 0 ? $" ({withheld} security columns withheld)" : "")}");
        await db.SaveChangesAsync(ct);

        var slug = new string(e.Title.Where(char.IsAsciiLetterOrDigit).Take(40).ToArray()).ToLowerInvariant();
        var extension = format == AccessListFormat.Csv ? "csv" : "xlsx";
        var contentType = format == AccessListFormat.Csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        return Outcome<AccessListFile>.Success(new AccessListFile($"access-list-{(slug.Length == 0 ? "event" : slug)}-{EventTime.ToLocal(now, e.TimeZoneId):yyyy-MM-dd}.{extension}", contentType, content));
    }

    private static async Task<byte[]> CsvAsync(List<string> header, List<string> labels, List<List<string>> rows, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        // As the directory export: cells that start like a formula (=, +, -, @) get a leading quote (OWASP).
        await using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            // Every record has the same number of fields (RFC 4180): the header lines are padded with empty cells.
            foreach (var line in header.Append(""))
            {
                csv.WriteField(line);
                for (var i = 1; i < labels.Count; i++)
                {
                    csv.WriteField("");
                }

                await csv.EndRecordAsync(ct);
            }

            foreach (var label in labels)
            {
                csv.WriteField(label);
            }

            await csv.EndRecordAsync(ct);
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(cell);
                }

                await csv.EndRecordAsync(ct);
            }
        }

        return stream.ToArray();
    }

    /// <summary>One sheet of inline strings: a spreadsheet never evaluates them, so no formula can run.</summary>
    private static byte[] Xlsx(List<string> header, List<string> labels, List<List<string>> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font(), new Font(new Bold())),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint index = 1;
            foreach (var line in header)
            {
                data.Append(Row(index++, [line], bold: index == 2));
            }

            index++;
            data.Append(Row(index++, labels, bold: true));
            foreach (var row in rows)
            {
                data.Append(Row(index++, row, bold: false));
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Access list" }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Row Row(uint index, IEnumerable<string> cells, bool bold)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var text in cells)
        {
            row.Append(new Cell
            {
                CellReference = ColumnName(column++) + index.ToString(CultureInfo.InvariantCulture),
                DataType = CellValues.InlineString,
                StyleIndex = bold ? 1u : 0u,
                InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
            });
        }

        return row;
    }

    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName(index / 26 - 1) + (char)('A' + index % 26);
}
