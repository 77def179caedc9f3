using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Door;

public sealed class OverrideForm : IValidatableObject
{
    /// <summary>A registration of this event that is not approved (or has no valid pass); null for a walk-in.</summary>
    public Guid? RegistrationId { get; set; }

    [StringLength(300, ErrorMessage = "The name can be at most 300 characters.")]
    public string? Name { get; set; }

    [StringLength(300, ErrorMessage = "The organisation can be at most 300 characters.")]
    public string? OrganisationName { get; set; }

    [Required(ErrorMessage = "Give the reason for admitting this person (kept in the audit log).")]
    [StringLength(1000, ErrorMessage = "The reason can be at most 1,000 characters.")]
    public string? Reason { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RegistrationId is null && string.IsNullOrWhiteSpace(Name))
        {
            yield return new ValidationResult("Give the walk-in's name.", [nameof(Name)]);
        }
    }
}

/// <summary>
/// A walk-in (no registration) or a problem case (a registration that is not approved, or whose pass is void) admitted by an
/// organiser — never by door staff — with a reason. Audited in the same transaction; a registration is still admitted once.
/// </summary>
public sealed class AdmitWithOverride(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<DoorAnswer>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, OverrideForm form, string? device, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome<DoorAnswer>.Forbidden();
        }

        if (RequestValidation.Validate(form) is { } errors)
        {
            return Outcome<DoorAnswer>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        string name;
        string? organisation;
        var reason = form.Reason!.Trim();
        string detail;
        if (form.RegistrationId is { } registrationId)
        {
            var r = await db.Registrations.AsNoTracking().Where(x => x.Id == registrationId && x.EventId == eventId)
                .Select(x => new { x.Id, x.Name, x.OrganisationName, x.Status }).SingleOrDefaultAsync(ct);
            if (r is null)
            {
                return Outcome<DoorAnswer>.Invalid(nameof(form.RegistrationId), "This registration is not one of this event's.");
            }

            if (await DoorAdmission.AlreadyInAsync(db, r.Id, ct) is { } already)
            {
                return Outcome<DoorAnswer>.Success(already);
            }

            (name, organisation) = (r.Name, r.OrganisationName);
            detail = $"{r.Name} ({r.Status.ToString().ToLowerInvariant()} registration) admitted by an organiser's override: {reason}";
        }
        else
        {
            (name, organisation) = (form.Name!.Trim(), string.IsNullOrWhiteSpace(form.OrganisationName) ? null : form.OrganisationName.Trim());
            detail = $"Walk-in {name}{(organisation is null ? "" : $" ({organisation})")} admitted without a registration: {reason}";
        }

        var (userId, byName) = await DoorAdmission.WhoAsync(db, actor, ct);
        var checkIn = new CheckIn
        {
            Id = Guid.CreateVersion7(),
            EventId = eventId,
            RegistrationId = form.RegistrationId,
            Kind = CheckInKind.Override,
            Name = name,
            OrganisationName = organisation,
            AtUtc = clock.GetUtcNow().UtcDateTime,
            ByUserId = userId,
            ByName = byName,
            Device = DoorAdmission.Device(device),
            Reason = reason,
        };
        audit.Record(db, actor, "door.override", eventId, nameof(CheckIn), checkIn.Id.ToString(), detail);
        return Outcome<DoorAnswer>.Success(await DoorAdmission.AdmitAsync(db, checkIn, ct));
    }
}
