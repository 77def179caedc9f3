using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Data;

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
