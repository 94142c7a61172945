package io.artifactpipeline.persistence;

import io.artifactpipeline.core.model.Page;
import io.artifactpipeline.core.model.PageRequest;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.ProjectPosition;
import io.artifactpipeline.core.model.UserId;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

import java.util.List;

/** Projects, always read through their owner: a foreign project is never loaded. */
final class ProjectRepository {
    private ProjectRepository() {
    }

    static Project create(Session session, Project project) {
        ProjectEntity entity = ProjectEntity.of(project);
        session.persist(entity);
        return entity.toProject();
    }

    static int count(Session session, UserId owner) {
        return session.createSelectionQuery("select count(p) from ProjectEntity p where p.ownerId = :owner", Long.class)
                .setParameter("owner", owner.value())
                .getSingleResult().intValue();
    }

    /** Newest first, ties by id, after a position (keyset: by the owner/created index, no offset to skip). */
    static Page<Project, ProjectPosition> page(Session session, UserId owner, PageRequest<ProjectPosition> request) {
        String after = request.after().isEmpty() ? ""
                : " and (p.createdAt < :at or (p.createdAt = :at and p.id > :id))";
        SelectionQuery<ProjectEntity> query = session.createSelectionQuery(
                        "from ProjectEntity p where p.ownerId = :owner" + after + " order by p.createdAt desc, p.id",
                        ProjectEntity.class)
                .setParameter("owner", owner.value());
        request.after().ifPresent(position -> query.setParameter("at", StoredTime.of(position.createdAt()))
                .setParameter("id", position.id().value()));
        List<Project> rows = query.setMaxResults(request.limit() + 1).getResultList().stream()
                .map(ProjectEntity::toProject)
                .toList();
        return Page.of(rows, request.limit(), ProjectPosition::of);
    }
}
