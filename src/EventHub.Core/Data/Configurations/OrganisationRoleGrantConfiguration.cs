using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Data;

internal sealed class OrganisationRoleGrantConfiguration : IEntityTypeConfiguration<OrganisationRoleGrant>
{
    public void Configure(EntityTypeBuilder<OrganisationRoleGrant> b)
    {
        // No surrogate id: the migration that introduced grants fills them with one INSERT ... SELECT that every provider
        // runs as written, which a generated Guid per row would make provider-specific.
        b.HasKey(g => new { g.OrganisationId, g.UserId, g.Role });
        b.HasIndex(g => g.UserId);
        b.HasOne(g => g.Organisation).WithMany().HasForeignKey(g => g.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(g => g.User).WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
