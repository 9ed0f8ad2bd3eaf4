"""Pure normalisers: a parsed payload, the tenant registry and the receipt time → SocialEvents.

No I/O, no clock: the HTTP shell parses, authenticates and produces; these only decide.
"""

from .canonical import canonical_event, normalise_canonical
from .errors import NormalisationError, UnknownTenantError
from .meta import meta_tenants, normalise_meta
from .wordpress import normalise_wordpress, wordpress_tenant
from .x import normalise_x, x_tenant

__all__ = [
    "NormalisationError",
    "UnknownTenantError",
    "canonical_event",
    "meta_tenants",
    "normalise_canonical",
    "normalise_meta",
    "normalise_wordpress",
    "normalise_x",
    "wordpress_tenant",
    "x_tenant",
]
