package io.artifactpipeline.persistence;

import io.artifactpipeline.core.port.ArtifactChange;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The SQL of the change feed table. */
final class ChangeRows {
    record Row(long seq, ArtifactChange change) {
    }

    private ChangeRows() {
    }

    static long latestSeq(Session session) {
        return session.createNativeQuery("select coalesce(max(seq), 0) from artifact_change", Long.class)
                .getSingleResult();
    }

    /** Inserts the changes in order, in one JDBC batch. */
    static void insertAll(Session session, List<ArtifactChange> changes, Instant publishedAt) {
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into artifact_change
                        (project_id, artifact_id, artifact_type, kind, status, version_number, changed_at, published_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    """)) {
                for (ArtifactChange change : changes) {
                    insert.setObject(1, change.projectId().value());
                    insert.setObject(2, change.artifactId().value());
                    insert.setString(3, change.type().name());
                    insert.setString(4, change.kind().name());
                    insert.setString(5, change.status().name());
                    insert.setInt(6, change.versionNumber());
                    insert.setObject(7, StoredTime.parameter(change.at()));
                    insert.setObject(8, StoredTime.parameter(publishedAt));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    static List<Row> after(Session session, long floor) {
        List<Object[]> rows = session.createNativeQuery("""
                        select seq, project_id, artifact_id, artifact_type, kind, status, version_number, changed_at
                        from artifact_change where seq > :floor order by seq
                        """, Object[].class)
                .addScalar("seq", Long.class)
                .addScalar("project_id", UUID.class)
                .addScalar("artifact_id", UUID.class)
                .addScalar("artifact_type", String.class)
                .addScalar("kind", String.class)
                .addScalar("status", String.class)
                .addScalar("version_number", Integer.class)
                .addScalar("changed_at", Instant.class)
                .setParameter("floor", floor)
                .getResultList();
        return rows.stream().map(r -> new Row((Long) r[0], DatabaseArtifactEvents.change((UUID) r[1], (UUID) r[2],
                (String) r[3], (String) r[4], (String) r[5], (Integer) r[6], (Instant) r[7]))).toList();
    }

    static int deleteBefore(Session session, Instant cutoff) {
        return session.createNativeMutationQuery("delete from artifact_change where published_at < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }
}
