from typing import Dict, Union

__all__ = [
    "URLTypes",
    "Timeout",
]
ProxyTypes = Union[URLTypes, "Proxy"]
ProxiesTypes = Union[ProxyTypes, Dict[URLTypes, Union[None, ProxyTypes]]]

AuthTypes = Union[
    Tuple[str, str],
    None,
]
