using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Data;

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
