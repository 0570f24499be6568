//! eipdesk-core
