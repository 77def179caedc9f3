using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Data;

internal sealed class ReportCommentConfiguration : IEntityTypeConfiguration<ReportComment>
{
    public void Configure(EntityTypeBuilder<ReportComment> b)
    {
        b.Property(c => c.AuthorName).HasMaxLength(256);
        b.HasIndex(c => new { c.ReportId, c.AtUtc });
    }
}
