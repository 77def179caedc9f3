using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Data;

internal sealed class SuppressedAddressConfiguration : IEntityTypeConfiguration<SuppressedAddress>
{
    public void Configure(EntityTypeBuilder<SuppressedAddress> b)
    {
        b.Property(s => s.EmailHash).HasMaxLength(64);
        b.Property(s => s.Reason).HasMaxLength(200);
        b.HasIndex(s => s.EmailHash).IsUnique();
    }
}
