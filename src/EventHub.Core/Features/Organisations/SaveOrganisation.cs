using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Organisations;

public sealed class OrganisationForm : IValidatableObject
{
    public Guid? Id { get; set; }

    [Required(ErrorMessage = "Enter the organisation's name.")]
    [StringLength(300, ErrorMessage = "The name can be at most 300 characters.")]
    public string? Name { get; set; }

    [StringLength(50, ErrorMessage = "The acronym can be at most 50 characters.")]
    public string? Acronym { get; set; }

    /// <summary>One alias per line.</summary>
    [StringLength(4000, ErrorMessage = "The aliases can be at most 4,000 characters.")]
    public string? Aliases { get; set; }

    /// <summary>Email domains, one per line or separated by commas (e.g. kas.de).</summary>
    [StringLength(4000, ErrorMessage = "The email domains can be at most 4,000 characters.")]
    public string? EmailDomains { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var domain in SplitDomains(EmailDomains))
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(domain, @"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$"))
            {
                yield return new ValidationResult($"'{domain}' is not an email domain (write it like kas.de, without '@').", [nameof(EmailDomains)]);
            }
        }
    }

    internal static List<string> SplitLines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    internal static List<string> SplitDomains(string? text) =>
        (text ?? "").Split([',', ';', '\n', ' '], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.TrimStart('@').ToLowerInvariant()).Distinct().ToList();

    public static OrganisationForm From(Organisation o) => new()
    {
        Id = o.Id,
        Name = o.Name,
        Acronym = o.Acronym,
        Aliases = string.Join('\n', o.Aliases),
        EmailDomains = string.Join('\n', o.EmailDomains),
    };
}

/// <summary>Administrators keep the organisations: names, acronyms and aliases (for the attribution check) and email domains (for vetting).</summary>
public sealed class SaveOrganisation(IDbContextFactory<EventHubDbContext> dbFactory, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<Guid>> ExecuteAsync(ClaimsPrincipal actor, OrganisationForm form, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.Administrator))
        {
            return Outcome<Guid>.Forbidden();
        }

        if (RequestValidation.Validate(form) is { } errors)
        {
            return Outcome<Guid>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var name = form.Name!.Trim();
        if (await db.Organisations.AnyAsync(o => o.Name == name && o.Id != form.Id, ct))
        {
            return Outcome<Guid>.Invalid(nameof(form.Name), $"An organisation named '{name}' already exists.");
        }

        Organisation organisation;
        if (form.Id is { } id)
        {
            var existing = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct);
            if (existing is null)
            {
                return Outcome<Guid>.NotFound();
            }

            organisation = existing;
        }
        else
        {
            organisation = new Organisation { Id = Guid.CreateVersion7(), Name = name, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
            db.Organisations.Add(organisation);
        }

        organisation.Name = name;
        organisation.Acronym = string.IsNullOrWhiteSpace(form.Acronym) ? null : form.Acronym.Trim();
        organisation.Aliases = OrganisationForm.SplitLines(form.Aliases);
        organisation.EmailDomains = OrganisationForm.SplitDomains(form.EmailDomains);
        audit.Record(db, actor, form.Id is null ? "organisation.created" : "organisation.updated", null, nameof(Organisation), organisation.Id.ToString(), name);
        await db.SaveChangesAsync(ct);
        return Outcome<Guid>.Success(organisation.Id);
    }
}
