package org.peersupport.followup.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Comparator;
import java.util.List;
import org.peersupport.followup.domain.SupportCase;
import org.peersupport.platform.store.IdLists;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The open cases of each hospital and of each supporter: one list document per hospital ({@code open_case_lists})
 * and per supporter ({@code supporter_case_lists}), so a coordinator's or supporter's list is one read by
 * {@code _id} and one {@code $in} on {@code _id}, never a scan. A case is listed before it is stored and unlisted
 * after it closed; readers pass over ids not stored and cases closed (an unlisting lost to a crash).
 */
@Component
public class OpenCases {

    private final MongoTemplate mongo;
    private final IdLists byHospital;
    private final IdLists bySupporter;

    OpenCases(MongoTemplate mongo) {
        this.mongo = mongo;
        this.byHospital = new IdLists(mongo, "open_case_lists", "caseIds");
        this.bySupporter = new IdLists(mongo, "supporter_case_lists", "caseIds");
    }

    public void add(String hospitalId, String supporterId, String caseId) {
        byHospital.add(hospitalId, caseId);
        bySupporter.add(supporterId, caseId);
    }

    public void remove(String hospitalId, String supporterId, String caseId) {
        byHospital.remove(hospitalId, caseId);
        if (supporterId != null) {
            bySupporter.remove(supporterId, caseId);
        }
    }

    /** The hospital's open cases, oldest first. */
    public List<SupportCase> ofHospital(String hospitalId) {
        return open(byHospital.of(hospitalId)).stream().filter(c -> c.hospitalId().equals(hospitalId)).toList();
    }

    /** The supporter's open cases, oldest first. */
    public List<SupportCase> ofSupporter(String supporterId) {
        return open(bySupporter.of(supporterId)).stream().filter(c -> supporterId.equals(c.supporterId())).toList();
    }

    private List<SupportCase> open(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return mongo.find(query(where("_id").in(ids)), CaseDocument.class).stream().map(CaseDocument::toDomain)
                .filter(SupportCase::isOpen).sorted(Comparator.comparing(SupportCase::openedAt)).toList();
    }
}
