package org.mufu.hub.content;

import java.util.Optional;

/** Names the place a point is at, so a photo with GPS and no caption is found by the place's name. */
public interface PlaceNames {

	/** The nearest named place within a few kilometres of the point, if any. */
	Optional<String> near(double latitude, double longitude);
}
