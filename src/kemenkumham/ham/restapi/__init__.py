"""REST API (plone.restapi) adaptations of the platform."""
