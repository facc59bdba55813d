package org.mufu.hub.security;

/** What kind of organisation a member is; it decides nothing the hub enforces, only how people find it. */
public enum MemberKind {

	MEDIA_CENTRE, TOURISM_BUREAU, SCENIC_AREA, TRAVEL_AGENCY
}
