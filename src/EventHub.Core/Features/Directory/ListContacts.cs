using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Directory;

public enum ContactSort
{
    Name,
    Email,
    Organisation,
    Sector,
    Country,
    UpdatedAt,
}

public sealed class ContactQuery
{
    public Guid DirectoryOrganisationId { get; set; }

    /// <summary>Part of a name, an email or an organisation's name or acronym.</summary>
    public string? Search { get; set; }
    public Sector? Sector { get; set; }
    public string? Tag { get; set; }

    /// <summary>The employer exactly as listed in <see cref="DirectoryFacets.Organisations"/>.</summary>
    public string? Organisation { get; set; }
    public bool? DoNotContact { get; set; }
    public ContactSort SortBy { get; set; } = ContactSort.Name;
    public bool Descending { get; set; }
    public int Skip { get; set; }
    public int Take { get; set; } = 25;
}

public sealed record ContactListItem(
    Guid Id, string Name, string Email, string? Organisation, Sector Sector, string? Position, string? Country,
    IReadOnlyList<string> Tags, bool DoNotContact);

public sealed record ContactPage(IReadOnlyList<ContactListItem> Items, int Total);

/// <summary>One page of a directory, searched and filtered, with the total that matches.</summary>
public sealed class ListContacts(IDbContextFactory<EventHubDbContext> dbFactory, DirectoryAccess access)
{
    public async Task<Outcome<ContactPage>> ExecuteAsync(ClaimsPrincipal actor, ContactQuery query, CancellationToken ct = default)
    {
        if (!await access.CanManageAsync(actor, query.DirectoryOrganisationId, ct))
        {
            return Outcome<ContactPage>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contacts = db.Contacts.AsNoTracking().Where(c => c.DirectoryOrganisationId == query.DirectoryOrganisationId);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // Lower-cased on both sides: PostgreSQL's LIKE is case-sensitive, SQLite's is not.
            var term = query.Search.Trim().ToLowerInvariant();
            contacts = contacts.Where(c => c.Name.ToLower().Contains(term)
                || c.NormalizedEmail.Contains(term)
                || (c.OrganisationName != null && c.OrganisationName.ToLower().Contains(term))
                || (c.Organisation != null && (c.Organisation.Name.ToLower().Contains(term) || (c.Organisation.Acronym != null && c.Organisation.Acronym.ToLower().Contains(term)))));
        }

        if (query.Sector is { } sector)
        {
            contacts = contacts.Where(c => c.Sector == sector);
        }

        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            var tag = query.Tag.Trim();
            contacts = contacts.Where(c => c.Tags.Contains(tag));
        }

        if (!string.IsNullOrWhiteSpace(query.Organisation))
        {
            var organisation = query.Organisation.Trim();
            contacts = contacts.Where(c => c.Organisation != null ? c.Organisation.Name == organisation : c.OrganisationName == organisation);
        }

        if (query.DoNotContact is { } doNotContact)
        {
            contacts = contacts.Where(c => c.DoNotContact == doNotContact);
        }

        var total = await contacts.CountAsync(ct);
        var sorted = query.SortBy switch
        {
            ContactSort.Email => Order(contacts, c => c.NormalizedEmail, query.Descending),
            ContactSort.Organisation => Order(contacts, c => c.Organisation != null ? c.Organisation.Name : c.OrganisationName, query.Descending),
            ContactSort.Sector => Order(contacts, c => c.Sector, query.Descending),
            ContactSort.Country => Order(contacts, c => c.Country, query.Descending),
            ContactSort.UpdatedAt => Order(contacts, c => c.UpdatedAtUtc, query.Descending),
            _ => Order(contacts, c => c.Name, query.Descending),
        };
        var items = await sorted.ThenBy(c => c.Id)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 500))
            .Select(c => new ContactListItem(c.Id, c.Name, c.Email, c.Organisation != null ? c.Organisation.Name : c.OrganisationName, c.Sector, c.Position, c.Country, c.Tags, c.DoNotContact))
            .ToListAsync(ct);
        return Outcome<ContactPage>.Success(new ContactPage(items, total));
    }

    private static IOrderedQueryable<Contact> Order<TKey>(IQueryable<Contact> contacts, System.Linq.Expressions.Expression<Func<Contact, TKey>> key, bool descending)
        => descending ? contacts.OrderByDescending(key) : contacts.OrderBy(key);
}
