using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Data;

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
