package org.peersupport.training.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.peersupport.platform.store.IdLists;
import org.peersupport.training.domain.Audience;
import org.peersupport.training.domain.MemberHospital;
import org.peersupport.training.domain.Resource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The learning community's members and compendium. Each member and each resource is one document by {@code _id};
 * what a hospital may see is listed by key ({@code compendium}: the key {@code community} and each hospital id;
 * {@code members}: the key {@code all}), so every read is by {@code _id}.
 */
@Component
public class Community {

    private static final String ALL = "all";
    private static final String COMMUNITY = "community";

    private final MongoTemplate mongo;
    private final IdLists memberList;
    private final IdLists compendium;

    Community(MongoTemplate mongo) {
        this.mongo = mongo;
        this.memberList = new IdLists(mongo, "members", "hospitalIds");
        this.compendium = new IdLists(mongo, "compendium", "resourceIds");
    }

    /** Adds a member; false when the hospital is a member already. */
    public boolean add(MemberHospital member) {
        memberList.add(ALL, member.hospitalId());
        try {
            mongo.insert(new MemberDocument(member.hospitalId(), member.name(), member.coordinatorIds(),
                    member.joinedAt()), "member_hospitals");
            return true;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }

    public Optional<MemberHospital> member(String hospitalId) {
        return Optional.ofNullable(mongo.findById(hospitalId, MemberDocument.class, "member_hospitals"))
                .map(MemberDocument::toDomain);
    }

    public List<MemberHospital> members() {
        List<String> ids = memberList.of(ALL);
        if (ids.isEmpty()) {
            return List.of();
        }
        return mongo.find(query(where("_id").in(ids)), MemberDocument.class, "member_hospitals").stream()
                .map(MemberDocument::toDomain).toList();
    }

    /** Shares a resource: listed for whoever may see it (before it is stored), then stored. */
    public void share(Resource resource) {
        compendium.add(resource.visibleTo() == Audience.COMMUNITY ? COMMUNITY : resource.hospitalId(),
                resource.id());
        mongo.insert(new ResourceDocument(resource.id(), resource.hospitalId(), resource.title(), resource.url(),
                resource.tags(), resource.visibleTo(), resource.sharedAt()), "resources");
    }

    /** What someone of {@code hospital} may see: the community's resources and their own hospital's. */
    public List<Resource> visibleFrom(String hospital) {
        List<String> ids = new ArrayList<>(compendium.of(COMMUNITY));
        ids.addAll(compendium.of(hospital));
        if (ids.isEmpty()) {
            return List.of();
        }
        return mongo.find(query(where("_id").in(ids)), ResourceDocument.class, "resources").stream()
                .map(ResourceDocument::toDomain).filter(r -> r.visibleFrom(hospital)).toList();
    }

    public record MemberDocument(@Id String id, String name, List<String> coordinatorIds, Instant joinedAt) {

        MemberHospital toDomain() {
            return new MemberHospital(id, name, coordinatorIds, joinedAt);
        }
    }

    public record ResourceDocument(@Id String id, String hospitalId, String title, String url, List<String> tags,
            Audience visibleTo, Instant sharedAt) {

        Resource toDomain() {
            return new Resource(id, hospitalId, title, url, tags, visibleTo, sharedAt);
        }
    }
}
