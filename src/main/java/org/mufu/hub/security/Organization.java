package org.mufu.hub.security;

import java.time.Instant;

/**
 * A member of the alliance (加盟单位): a county media centre, tourism bureau, scenic area or travel agency, as kept
 * in storage under {@code members/{id}.json}. {@code chair} marks the member holding the rotating chair (轮值),
 * whose editors review the items shared with the whole alliance.
 */
public record Organization(String id, String name, String englishName, String county, String province,
		MemberKind kind, String contact, boolean chair, String timeZone, Instant admittedAt, String admittedBy) {

	/** Where a member does not say, its people work in China's one time zone. */
	public static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";

	public Organization {
		kind = kind != null ? kind : MemberKind.MEDIA_CENTRE;
		timeZone = timeZone != null && !timeZone.isBlank() ? timeZone : DEFAULT_TIME_ZONE;
		englishName = englishName != null ? englishName : "";
		contact = contact != null ? contact : "";
	}

	Organization withChair(boolean holdsChair) {
		return new Organization(this.id, this.name, this.englishName, this.county, this.province, this.kind,
				this.contact, holdsChair, this.timeZone, this.admittedAt, this.admittedBy);
	}
}
