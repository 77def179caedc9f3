using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Email.Templates;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Staff;

public sealed class StaffInvitationForm
{
    [Required(ErrorMessage = "Enter the staff member's name.")]
    [StringLength(200, ErrorMessage = "The name can be at most 200 characters.")]
    public string? DisplayName { get; set; }

    [Required(ErrorMessage = "Enter the staff member's email.")]
    [DeliverableEmail(ErrorMessage = "Enter a valid email address.")]
    [StringLength(256, ErrorMessage = "The email can be at most 256 characters.")]
    public string? Email { get; set; }

    public Guid? OrganisationId { get; set; }

    /// <summary>Grants <see cref="OrganisationRole.CreatesEvents"/> in <see cref="OrganisationId"/>.</summary>
    public bool CreatesEvents { get; set; }

    /// <summary>Grants <see cref="OrganisationRole.KeepsDirectory"/> in <see cref="OrganisationId"/>.</summary>
    public bool KeepsDirectory { get; set; }

    public bool MakeAdministrator { get; set; }
}

/// <summary>
/// An administrator invites a staff member: the account is created and a set-password link goes out through the outbox,
/// both in one transaction. The address counts as confirmed because only its owner can use the link.
/// </summary>
public sealed class InviteStaffMember(
    EventHubDbContext db,
    UserManager<ApplicationUser> users,
    EmailOutbox outbox,
    EmailComposer composer,
    LinkBuilder links,
    AuditLog audit,
    TimeProvider clock)
{
    public async Task<Outcome<string>> ExecuteAsync(ClaimsPrincipal actor, StaffInvitationForm form, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.Administrator))
        {
            return Outcome<string>.Forbidden();
        }

        if (RequestValidation.Validate(form) is { } errors)
        {
            return Outcome<string>.Invalid(errors);
        }

        var email = form.Email!.Trim();
        // In a Blazor circuit this scoped context outlives one click: InTransactionAsync starts each invitation (and each
        // retry of it) from a clean slate. UserManager's store works on this same scoped context, so the account, its
        // role, the outbox email and the audit entry commit together, and a retry redoes them all.
        return await db.InTransactionAsync(async token =>
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                return Outcome<string>.Invalid(nameof(form.Email), $"{email} already has an account.");
            }

            Organisation? organisation = null;
            if (form.OrganisationId is null && (form.CreatesEvents || form.KeepsDirectory))
            {
                return Outcome<string>.Invalid(nameof(form.OrganisationId), "Choose the organisation in which these roles apply.");
            }

            if (form.OrganisationId is { } orgId)
            {
                organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == orgId, token);
                if (organisation is null)
                {
                    return Outcome<string>.Invalid(nameof(form.OrganisationId), "That organisation does not exist.");
                }
            }

            var user = new ApplicationUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = form.DisplayName!.Trim(),
                OrganisationId = organisation?.Id,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                await db.Database.RollbackTransactionAsync(token);
                return Outcome<string>.Invalid(nameof(form.Email), string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            if (organisation is not null)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                foreach (var role in new[] { (form.CreatesEvents, OrganisationRole.CreatesEvents), (form.KeepsDirectory, OrganisationRole.KeepsDirectory) }
                             .Where(r => r.Item1).Select(r => r.Item2))
                {
                    db.OrganisationRoleGrants.Add(new OrganisationRoleGrant { OrganisationId = organisation.Id, UserId = user.Id, Role = role, GrantedAtUtc = now });
                }
            }

            if (form.MakeAdministrator)
            {
                await users.AddToRoleAsync(user, Roles.Administrator);
            }

            var resetToken = await users.GeneratePasswordResetTokenAsync(user);
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(resetToken));
            var link = links.Absolute($"Account/ResetPassword?code={code}");
            var body = await composer.RenderAsync<ActionEmail>(new Dictionary<string, object?>
            {
                [nameof(ActionEmail.Title)] = "You have been invited to EventHub",
                [nameof(ActionEmail.Organisation)] = organisation?.Name,
                [nameof(ActionEmail.Greeting)] = $"Dear {user.DisplayName},",
                [nameof(ActionEmail.Paragraphs)] = new[]
                {
                    $"{actor.Identity?.Name} has created an EventHub account for you{(organisation is null ? "" : $" at {organisation.Name}")}. EventHub is where your team prepares closed-door meetings: invitations, vetting, the door and the report.",
                    $"Choose your password to start; your sign-in name is {email}. Passwords need at least 12 characters.",
                },
                [nameof(ActionEmail.ActionUrl)] = link,
                [nameof(ActionEmail.ActionLabel)] = "Choose my password",
            });
            outbox.Queue(db, new EmailToQueue($"staff-invitation:{user.Id}", email, user.DisplayName, "You have been invited to EventHub", body));
            audit.Record(db, actor, "staff.invited", null, nameof(ApplicationUser), user.Id, $"{email}{(form.MakeAdministrator ? " (Administrator)" : "")}");
            await db.SaveChangesAsync(token);
            return Outcome<string>.Success(user.Id);
        }, ct);
    }
}
