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
        b.HasIndex(a => new { a.EventId, a.AtUtc });
        b.HasIndex(a => a.AtUtc);
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
        b.Property(r => r.NominationReason).HasMaxLength(2000);
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
