using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Data;

internal sealed class RegistrationLinkConfiguration : IEntityTypeConfiguration<RegistrationLink>
{
    public void Configure(EntityTypeBuilder<RegistrationLink> b)
    {
        b.Property(l => l.TokenHash).HasMaxLength(64);
        b.HasIndex(l => l.TokenHash).IsUnique();
    }
}
