using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Data;

// SQL Server refuses a second cascading path to a table (error 1785) and an index over nvarchar(max) (error 1919):
// references to organisations are Restrict, and every indexed string has a MaxLength. SqlServerModelRulesTests checks both.

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.TimeZoneId).HasMaxLength(100);
        b.Property(u => u.PreferredLanguage).HasMaxLength(8);
        b.HasOne(u => u.Organisation).WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.Property(o => o.Name).HasMaxLength(300);
        b.Property(o => o.Acronym).HasMaxLength(50);
        b.HasIndex(o => o.Name).IsUnique();
        b.PrimitiveCollection(o => o.Aliases);
        b.PrimitiveCollection(o => o.EmailDomains);
    }
}

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> b)
    {
        b.Property(e => e.Title).HasMaxLength(300);
        b.Property(e => e.TimeZoneId).HasMaxLength(64);
        b.Property(e => e.Venue).HasMaxLength(500);
        b.Property(e => e.City).HasMaxLength(200);
        b.Property(e => e.HostName).HasMaxLength(300);
        b.HasIndex(e => e.StartsAtUtc);
        b.PrimitiveCollection(e => e.ApproverGroups);
        b.PrimitiveCollection(e => e.ReportReviewerGroups);
        b.PrimitiveCollection(e => e.AccessListFields);
        b.HasOne(e => e.Organisation).WithMany().HasForeignKey(e => e.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.HostOrganisation).WithMany().HasForeignKey(e => e.HostOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.CoOrganisers).WithMany().UsingEntity(
            "EventCoOrganiser",
            r => r.HasOne(typeof(Organisation)).WithMany().HasForeignKey("OrganisationId").OnDelete(DeleteBehavior.Restrict),
            l => l.HasOne(typeof(Event)).WithMany().HasForeignKey("EventId").OnDelete(DeleteBehavior.Cascade));
        b.HasMany(e => e.AgendaItems).WithOne(a => a.Event).HasForeignKey(a => a.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Team).WithOne(t => t.Event).HasForeignKey(t => t.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> b)
    {
        b.Property(a => a.Title).HasMaxLength(300);
    }
}

internal sealed class OrganisationRoleGrantConfiguration : IEntityTypeConfiguration<OrganisationRoleGrant>
{
    public void Configure(EntityTypeBuilder<OrganisationRoleGrant> b)
    {
        // No surrogate id: the migration that introduced grants fills them with one INSERT ... SELECT that every provider
        // runs as written, which a generated Guid per row would make provider-specific.
        b.HasKey(g => new { g.OrganisationId, g.UserId, g.Role });
        b.HasIndex(g => g.UserId);
        b.HasOne(g => g.Organisation).WithMany().HasForeignKey(g => g.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(g => g.User).WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EventTeamMemberConfiguration : IEntityTypeConfiguration<EventTeamMember>
{
    public void Configure(EntityTypeBuilder<EventTeamMember> b)
    {
        b.HasIndex(t => new { t.EventId, t.UserId, t.Role }).IsUnique();
        b.HasIndex(t => t.UserId);
        b.Property(t => t.ApproverGroup).HasMaxLength(100);
        b.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutboundEmailConfiguration : IEntityTypeConfiguration<OutboundEmail>
{
    public void Configure(EntityTypeBuilder<OutboundEmail> b)
    {
        b.Property(e => e.CorrelationKey).HasMaxLength(200);
        b.HasIndex(e => e.CorrelationKey).IsUnique();
        b.Property(e => e.ToAddress).HasMaxLength(320);
        b.Property(e => e.ToName).HasMaxLength(300);
        b.Property(e => e.Subject).HasMaxLength(500);
        b.HasIndex(e => new { e.Status, e.NextAttemptAtUtc });
        b.HasIndex(e => new { e.EventId, e.CreatedAtUtc });
        b.HasIndex(e => e.ClaimToken);
        b.HasOne<Event>().WithMany().HasForeignKey(e => e.EventId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Attachments).WithOne().HasForeignKey(a => a.OutboundEmailId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutboundEmailAttachmentConfiguration : IEntityTypeConfiguration<OutboundEmailAttachment>
{
    public void Configure(EntityTypeBuilder<OutboundEmailAttachment> b)
    {
        b.Property(a => a.FileName).HasMaxLength(255);
        b.Property(a => a.ContentType).HasMaxLength(100);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.Action).HasMaxLength(100);
        b.Property(a => a.ActorUserId).HasMaxLength(450);
        b.Property(a => a.ActorName).HasMaxLength(300);
        b.Property(a => a.SubjectType).HasMaxLength(100);
        b.Property(a => a.SubjectId).HasMaxLength(100);
        b.Property(a => a.ContentDigest).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
        b.HasIndex(a => new { a.EventId, a.AtUtc });
        b.HasIndex(a => a.AtUtc);
        b.HasIndex(a => new { a.ActorUserId, a.AtUtc });
        b.HasIndex(a => new { a.Action, a.AtUtc });
        b.HasIndex(a => a.ChainIndex).IsUnique();
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.Property(c => c.Name).HasMaxLength(300);
        b.Property(c => c.Email).HasMaxLength(320);
        b.Property(c => c.NormalizedEmail).HasMaxLength(320);
        b.Property(c => c.OrganisationName).HasMaxLength(300);
        b.Property(c => c.Position).HasMaxLength(300);
        b.Property(c => c.Country).HasMaxLength(100);
        b.PrimitiveCollection(c => c.Tags);
        b.Property(c => c.PreferredLanguage).HasMaxLength(8).HasDefaultValue(Localization.Languages.Default);
        b.HasIndex(c => new { c.DirectoryOrganisationId, c.NormalizedEmail }).IsUnique();
        b.HasIndex(c => new { c.DirectoryOrganisationId, c.Name });
        b.HasOne(c => c.DirectoryOrganisation).WithMany().HasForeignKey(c => c.DirectoryOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Organisation).WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.HasIndex(i => new { i.EventId, i.ContactId }).IsUnique();
        b.HasIndex(i => new { i.EventId, i.Status });
        b.Property(i => i.Subject).HasMaxLength(500);
        b.Property(i => i.DeclineReason).HasMaxLength(2000);
        b.Property(i => i.Language).HasMaxLength(8).HasDefaultValue(Localization.Languages.Default);
        b.HasOne(i => i.Event).WithMany().HasForeignKey(i => i.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(i => i.Contact).WithMany().HasForeignKey(i => i.ContactId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(i => i.History).WithOne().HasForeignKey(h => h.InvitationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.Links).WithOne().HasForeignKey(l => l.InvitationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InvitationLinkConfiguration : IEntityTypeConfiguration<InvitationLink>
{
    public void Configure(EntityTypeBuilder<InvitationLink> b)
    {
        b.Property(l => l.TokenHash).HasMaxLength(64);
        b.HasIndex(l => l.TokenHash).IsUnique();
    }
}

internal sealed class InvitationHistoryEntryConfiguration : IEntityTypeConfiguration<InvitationHistoryEntry>
{
    public void Configure(EntityTypeBuilder<InvitationHistoryEntry> b)
    {
        b.Property(h => h.Action).HasMaxLength(50);
        b.Property(h => h.ActorName).HasMaxLength(300);
        b.HasIndex(h => new { h.InvitationId, h.AtUtc });
    }
}

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> b)
    {
        b.Property(r => r.Name).HasMaxLength(300);
        b.Property(r => r.Email).HasMaxLength(320);
        b.Property(r => r.NormalizedEmail).HasMaxLength(320);
        b.Property(r => r.OrganisationName).HasMaxLength(300);
        b.Property(r => r.Position).HasMaxLength(300);
        b.Property(r => r.Country).HasMaxLength(100);
        b.Property(r => r.NominationReason).HasMaxLength(2000);
        b.Property(r => r.Language).HasMaxLength(8).HasDefaultValue(Localization.Languages.Default);
        b.HasIndex(r => new { r.EventId, r.Status });
        b.HasIndex(r => new { r.EventId, r.NormalizedEmail });
        b.HasIndex(r => r.InvitationId);
        b.HasOne(r => r.Event).WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        // Invitations are also deleted with their event: a second cascading path would be refused by SQL Server.
        b.HasOne<Invitation>().WithMany().HasForeignKey(r => r.InvitationId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne<Invitation>().WithMany().HasForeignKey(r => r.NominatedByInvitationId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Phone).HasMaxLength(50);
        b.Property(r => r.DietaryNeeds).HasMaxLength(1000);
        b.Property(r => r.AccessibilityNeeds).HasMaxLength(1000);
        b.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Approvals).WithOne().HasForeignKey(a => a.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Links).WithOne().HasForeignKey(l => l.RegistrationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RegistrationQuestionConfiguration : IEntityTypeConfiguration<RegistrationQuestion>
{
    public void Configure(EntityTypeBuilder<RegistrationQuestion> b)
    {
        b.Property(q => q.Label).HasMaxLength(500);
        b.PrimitiveCollection(q => q.Options);
        b.HasIndex(q => new { q.EventId, q.SortOrder });
        b.HasOne<Event>().WithMany().HasForeignKey(q => q.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RegistrationAnswerConfiguration : IEntityTypeConfiguration<RegistrationAnswer>
{
    public void Configure(EntityTypeBuilder<RegistrationAnswer> b)
    {
        b.HasIndex(a => new { a.RegistrationId, a.QuestionId }).IsUnique();
        // Questions are deleted with their event, as registrations are: a second cascading path would be refused by SQL Server.
        b.HasOne<RegistrationQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class RegistrationApprovalConfiguration : IEntityTypeConfiguration<RegistrationApproval>
{
    public void Configure(EntityTypeBuilder<RegistrationApproval> b)
    {
        b.Property(a => a.Group).HasMaxLength(100);
        b.Property(a => a.DecidedByUserId).HasMaxLength(450);
        b.Property(a => a.DecidedByName).HasMaxLength(300);
        b.Property(a => a.InternalReason).HasMaxLength(2000);
        b.Property(a => a.MessageToPerson).HasMaxLength(4000);
        b.Property(a => a.OverrideReason).HasMaxLength(2000);
        b.HasIndex(a => new { a.RegistrationId, a.Group, a.Superseded });
    }
}

internal sealed class RegistrationLinkConfiguration : IEntityTypeConfiguration<RegistrationLink>
{
    public void Configure(EntityTypeBuilder<RegistrationLink> b)
    {
        b.Property(l => l.TokenHash).HasMaxLength(64);
        b.HasIndex(l => l.TokenHash).IsUnique();
    }
}

internal sealed class ReminderRuleConfiguration : IEntityTypeConfiguration<ReminderRule>
{
    public void Configure(EntityTypeBuilder<ReminderRule> b)
    {
        b.Property(r => r.Subject).HasMaxLength(500);
        b.HasIndex(r => new { r.EventId, r.Kind });
        b.OwnsMany(r => r.Translations, t =>
        {
            t.ToTable("ReminderRuleTexts");
            t.WithOwner().HasForeignKey("ReminderRuleId");
            t.Property<int>("Id");
            t.HasKey("Id");
            t.Property(x => x.Language).HasMaxLength(8);
            t.Property(x => x.Subject).HasMaxLength(500);
        });
        b.HasOne(r => r.Event).WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DispatcherLeaseConfiguration : IEntityTypeConfiguration<DispatcherLease>
{
    public void Configure(EntityTypeBuilder<DispatcherLease> b)
    {
        b.HasKey(l => l.Name);
        b.Property(l => l.Name).HasMaxLength(50);
        b.Property(l => l.Holder).HasMaxLength(64);
        b.HasData(new DispatcherLease { Name = DispatcherLease.Relay });
    }
}

internal sealed class AccessPassConfiguration : IEntityTypeConfiguration<AccessPass>
{
    public void Configure(EntityTypeBuilder<AccessPass> b)
    {
        b.Property(p => p.TokenHash).HasMaxLength(64);
        b.Property(p => p.ProtectedToken).HasMaxLength(1000);
        b.Property(p => p.VoidReason).HasMaxLength(500);
        b.HasIndex(p => p.TokenHash).IsUnique();
        b.HasIndex(p => p.RegistrationId);
        b.HasIndex(p => p.EventId);
        b.HasOne(p => p.Registration).WithMany().HasForeignKey(p => p.RegistrationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> b)
    {
        b.Property(c => c.Name).HasMaxLength(300);
        b.Property(c => c.OrganisationName).HasMaxLength(300);
        b.Property(c => c.ByName).HasMaxLength(256);
        b.Property(c => c.Device).HasMaxLength(100);
        b.Property(c => c.Reason).HasMaxLength(1000);
        // One admission per registration, whatever the number of doors: the database decides the race.
        b.HasIndex(c => c.RegistrationId).IsUnique();
        b.HasIndex(c => new { c.EventId, c.AtUtc });
        // A device sends its queue again after a lost answer: its own id makes the second send change nothing.
        b.HasIndex(c => c.ClientId).IsUnique();
        b.HasOne<Event>().WithMany().HasForeignKey(c => c.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DoorSessionConfiguration : IEntityTypeConfiguration<DoorSession>
{
    public void Configure(EntityTypeBuilder<DoorSession> b)
    {
        b.Property(d => d.Label).HasMaxLength(100);
        b.Property(d => d.StaffName).HasMaxLength(100);
        b.Property(d => d.TokenHash).HasMaxLength(64);
        b.Property(d => d.ProtectedListKey).HasMaxLength(1000);
        b.Property(d => d.CreatedByUserId).HasMaxLength(450);
        b.Property(d => d.RevokedBy).HasMaxLength(256);
        b.HasIndex(d => d.TokenHash).IsUnique();
        b.HasIndex(d => d.EventId);
        b.HasOne<Event>().WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DoorConflictConfiguration : IEntityTypeConfiguration<DoorConflict>
{
    public void Configure(EntityTypeBuilder<DoorConflict> b)
    {
        b.Property(c => c.Name).HasMaxLength(300);
        b.Property(c => c.OrganisationName).HasMaxLength(300);
        b.Property(c => c.Device).HasMaxLength(100);
        b.Property(c => c.ByName).HasMaxLength(256);
        b.HasIndex(c => c.ClientId).IsUnique();
        b.HasIndex(c => new { c.EventId, c.RecordedAtUtc });
        b.HasOne<Event>().WithMany().HasForeignKey(c => c.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgendaCheckInConfiguration : IEntityTypeConfiguration<AgendaCheckIn>
{
    public void Configure(EntityTypeBuilder<AgendaCheckIn> b)
    {
        b.Property(c => c.ByName).HasMaxLength(256);
        b.Property(c => c.Device).HasMaxLength(100);
        // Once per person and session, whatever the number of doors.
        b.HasIndex(c => new { c.AgendaItemId, c.RegistrationId }).IsUnique();
        b.HasIndex(c => c.ClientId).IsUnique();
        b.HasIndex(c => c.EventId);
        // The agenda item's cascade alone: a second one from the registration would give SQL Server two paths from Event.
        b.HasOne<AgendaItem>().WithMany().HasForeignKey(c => c.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EventDocumentConfiguration : IEntityTypeConfiguration<EventDocument>
{
    public void Configure(EntityTypeBuilder<EventDocument> b)
    {
        b.Property(d => d.Title).HasMaxLength(300);
        b.Property(d => d.FileName).HasMaxLength(255);
        b.Property(d => d.ContentType).HasMaxLength(100);
        b.Property(d => d.StorageKey).HasMaxLength(100);
        b.Property(d => d.Sha256).HasMaxLength(64);
        b.Property(d => d.UploadedByName).HasMaxLength(256);
        b.HasIndex(d => d.EventId);
        b.HasOne<Event>().WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OnRecordConsentConfiguration : IEntityTypeConfiguration<OnRecordConsent>
{
    public void Configure(EntityTypeBuilder<OnRecordConsent> b)
    {
        b.Property(c => c.Name).HasMaxLength(300);
        b.Property(c => c.Email).HasMaxLength(256);
        b.Property(c => c.Affiliation).HasMaxLength(300);
        b.Property(c => c.RequestTokenHash).HasMaxLength(64);
        b.Property(c => c.RecordedByName).HasMaxLength(256);
        b.PrimitiveCollection(c => c.AgendaItemIds);
        b.HasIndex(c => c.EventId);
        b.HasIndex(c => c.RequestTokenHash).IsUnique();
        b.HasOne<Event>().WithMany().HasForeignKey(c => c.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportNoteConfiguration : IEntityTypeConfiguration<ReportNote>
{
    public void Configure(EntityTypeBuilder<ReportNote> b)
    {
        b.Property(n => n.AuthorUserId).HasMaxLength(450);
        b.HasIndex(n => new { n.EventId, n.AuthorUserId });
        b.HasOne<Event>().WithMany().HasForeignKey(n => n.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> b)
    {
        b.Property(r => r.Title).HasMaxLength(300);
        b.Property(r => r.UpdatedByName).HasMaxLength(256);
        b.Property(r => r.PublicSlug).HasMaxLength(100);
        b.PrimitiveCollection(r => r.RequiredReviewGroups);
        b.HasIndex(r => r.EventId).IsUnique();
        b.HasIndex(r => r.PublicSlug).IsUnique();
        b.HasOne(r => r.Event).WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Versions).WithOne().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Reviews).WithOne().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Comments).WithOne().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportVersionConfiguration : IEntityTypeConfiguration<ReportVersion>
{
    public void Configure(EntityTypeBuilder<ReportVersion> b)
    {
        b.Property(v => v.SavedByName).HasMaxLength(256);
        b.HasIndex(v => new { v.ReportId, v.Number }).IsUnique();
    }
}

internal sealed class ReportReviewConfiguration : IEntityTypeConfiguration<ReportReview>
{
    public void Configure(EntityTypeBuilder<ReportReview> b)
    {
        b.Property(r => r.Group).HasMaxLength(100);
        b.Property(r => r.ReviewerName).HasMaxLength(256);
        b.HasIndex(r => new { r.ReportId, r.Group, r.Superseded });
    }
}

internal sealed class ReportCommentConfiguration : IEntityTypeConfiguration<ReportComment>
{
    public void Configure(EntityTypeBuilder<ReportComment> b)
    {
        b.Property(c => c.AuthorName).HasMaxLength(256);
        b.HasIndex(c => new { c.ReportId, c.AtUtc });
    }
}

internal sealed class AttributionDismissalConfiguration : IEntityTypeConfiguration<AttributionDismissal>
{
    public void Configure(EntityTypeBuilder<AttributionDismissal> b)
    {
        b.Property(d => d.FindingKey).HasMaxLength(400);
        b.Property(d => d.MatchedText).HasMaxLength(300);
        b.Property(d => d.ByName).HasMaxLength(256);
        b.HasIndex(d => new { d.ReportId, d.FindingKey }).IsUnique();
        b.HasOne<Report>().WithMany().HasForeignKey(d => d.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportCirculationConfiguration : IEntityTypeConfiguration<ReportCirculation>
{
    public void Configure(EntityTypeBuilder<ReportCirculation> b)
    {
        b.Property(c => c.ByName).HasMaxLength(256);
        b.PrimitiveCollection(c => c.Audiences);
        b.HasIndex(c => c.ReportId);
        b.HasOne<Report>().WithMany().HasForeignKey(c => c.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Recipients).WithOne().HasForeignKey(r => r.CirculationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CirculationRecipientConfiguration : IEntityTypeConfiguration<CirculationRecipient>
{
    public void Configure(EntityTypeBuilder<CirculationRecipient> b)
    {
        b.Property(r => r.Name).HasMaxLength(300);
        b.Property(r => r.Email).HasMaxLength(256);
        b.Property(r => r.Reference).HasMaxLength(20);
        b.HasIndex(r => r.Reference).IsUnique();
        b.HasIndex(r => r.CirculationId);
    }
}

internal sealed class SuppressedAddressConfiguration : IEntityTypeConfiguration<SuppressedAddress>
{
    public void Configure(EntityTypeBuilder<SuppressedAddress> b)
    {
        b.Property(s => s.EmailHash).HasMaxLength(64);
        b.Property(s => s.Reason).HasMaxLength(200);
        b.HasIndex(s => s.EmailHash).IsUnique();
    }
}
