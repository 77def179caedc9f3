using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Data;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.Property(c => c.Name).HasMaxLength(300);
        b.Property(c => c.Email).HasMaxLength(320);
        b.Property(c => c.NormalizedEmail).HasMaxLength(320);
        b.Property(c => c.OrganisationName).HasMaxLength(300);
        b.Property(c => c.Position).HasMaxLength(300);
        b.Property(c => c.Country).HasMaxLength(100);
        b.PrimitiveCollection(c => c.Tags);
        b.Property(c => c.PreferredLanguage).HasMaxLength(8).HasDefaultValue(Localization.Languages.Default);
        b.HasIndex(c => new { c.DirectoryOrganisationId, c.NormalizedEmail }).IsUnique();
        b.HasIndex(c => new { c.DirectoryOrganisationId, c.Name });
        b.HasOne(c => c.DirectoryOrganisation).WithMany().HasForeignKey(c => c.DirectoryOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Organisation).WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
