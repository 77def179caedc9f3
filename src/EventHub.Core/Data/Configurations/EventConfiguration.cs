using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Data;

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
