using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Data;

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
