using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Tags;

/// <param name="OnRegistration">Whether the registration asked about (if any) carries the tag.</param>
public sealed record TagItem(Guid Id, string Name, TagColour Colour, int Count, bool OnRegistration = false);

/// <summary>The event's registration tags with how many registrations carry each (and whether one registration does), for those who vet.</summary>
public sealed class ListRegistrationTags(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization)
{
    public async Task<Outcome<IReadOnlyList<TagItem>>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, Guid? registrationId = null, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Vet))
        {
            return Outcome<IReadOnlyList<TagItem>>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tags = await db.RegistrationTags.AsNoTracking().Where(t => t.EventId == eventId).OrderBy(t => t.Name)
            .Select(t => new TagItem(t.Id, t.Name, t.Colour, db.RegistrationTagAssignments.Count(a => a.TagId == t.Id),
                db.RegistrationTagAssignments.Any(a => a.TagId == t.Id && a.RegistrationId == registrationId)))
            .ToListAsync(ct);
        return Outcome<IReadOnlyList<TagItem>>.Success(tags);
    }
}
