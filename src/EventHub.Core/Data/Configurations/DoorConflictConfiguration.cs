using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Data;

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
