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
