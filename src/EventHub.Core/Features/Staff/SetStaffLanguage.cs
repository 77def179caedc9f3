using System.Security.Claims;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Staff;

/// <summary>A staff member's language for the screens, chosen in the account menu and remembered on their account.</summary>
public sealed class SetStaffLanguage(IDbContextFactory<EventHubDbContext> dbFactory)
{
    public async Task<Outcome> ExecuteAsync(ClaimsPrincipal actor, string? language, CancellationToken ct = default)
    {
        if (!Languages.IsSupported(language))
        {
            return Outcome.Invalid("language", "Choose English, French or German.");
        }

        if (actor.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return Outcome.Success(); // a visitor who is not signed in: the browser's cookie remembers it
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredLanguage, language), ct);
        return Outcome.Success();
    }

    /// <summary>The language a signed-in staff member chose, or null.</summary>
    public async Task<string?> FindAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.PreferredLanguage).FirstOrDefaultAsync(ct);
    }
}
