package org.peersupport.training.application;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.peersupport.platform.security.Caller;
import org.peersupport.platform.security.Role;
import org.peersupport.training.domain.Audience;
import org.peersupport.training.domain.MemberHospital;
import org.peersupport.training.domain.Resource;
import org.peersupport.training.persistence.Community;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The learning community: its member hospitals (the network admin adds them) and its shared compendium. */
@Service
public class CommunityService {

    private static final Logger log = LoggerFactory.getLogger(CommunityService.class);

    private final Community community;
    private final Clock clock;

    public CommunityService(Community community, Clock clock) {
        this.community = community;
        this.clock = clock;
    }

    /** The network admin adds a hospital; adding it again answers the member as it is. */
    public MemberHospital addMember(Caller caller, String hospitalId, String name, List<String> coordinatorIds) {
        caller.require(Role.ADMIN);
        MemberHospital member = new MemberHospital(hospitalId, name, coordinatorIds, clock.instant());
        if (community.add(member)) {
            log.info("hospital {} joined the community", hospitalId);
            return member;
        }
        return community.member(hospitalId).orElse(member);
    }

    /** Every member, for anyone of the community. */
    public List<MemberHospital> members(Caller caller) {
        return community.members().stream().sorted(Comparator.comparing(MemberHospital::hospitalId)).toList();
    }

    /** A coordinator shares a resource, for their hospital's staff or for the whole community. */
    public Resource share(Caller caller, String hospitalId, String title, String url, List<String> tags,
            Audience visibleTo) {
        caller.require(Role.COORDINATOR).requireHospital(hospitalId);
        Resource resource = new Resource(UUID.randomUUID().toString(), hospitalId, title, url, tags, visibleTo,
                clock.instant());
        community.share(resource);
        log.info("resource {} shared by {}", resource.id(), hospitalId);
        return resource;
    }

    /** The resources the caller may see, newest first, of a tag and holding a text if given. */
    public List<Resource> search(Caller caller, String tag, String text) {
        return community.visibleFrom(caller.hospital()).stream().filter(r -> r.matches(tag, text))
                .sorted(Comparator.comparing(Resource::sharedAt).reversed()).toList();
    }
}
