from typing import Dict, Union

__all__ = [
    "URLTypes",
    "Timeout",
]
ProxyTypes = Union["URL", str, "Proxy"]
ProxiesTypes = Union[ProxyTypes, Dict[Union["URL", str], Union[None, ProxyTypes]]]

AuthTypes = Union[
    Tuple[str, str],
    None,
]
