using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Directory;

public sealed record ContactDetails(ContactForm Form, string DirectoryName, DateTime? DoNotContactSinceUtc, DateTime UpdatedAtUtc);

/// <summary>One expert, for the edit form, to those who keep its directory.</summary>
public sealed class GetContact(IDbContextFactory<EventHubDbContext> dbFactory, DirectoryAccess access)
{
    public async Task<Outcome<ContactDetails>> ExecuteAsync(ClaimsPrincipal actor, Guid contactId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await db.Contacts.AsNoTracking().Include(c => c.Organisation).Include(c => c.DirectoryOrganisation)
            .SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null)
        {
            return Outcome<ContactDetails>.NotFound();
        }

        if (!await access.CanManageAsync(actor, contact.DirectoryOrganisationId, ct))
        {
            return Outcome<ContactDetails>.Forbidden();
        }

        return Outcome<ContactDetails>.Success(new ContactDetails(ContactForm.From(contact), contact.DirectoryOrganisation!.Name, contact.DoNotContactSinceUtc, contact.UpdatedAtUtc));
    }
}
