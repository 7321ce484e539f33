//! The profile a node runs (HARD-1): exactly one, chosen by configuration, never negotiated
//! on the wire and never changed on a connection.
//!
//! ```text
//! profile   TLS (TLS-2, HARD-2)                         digests
//! base      no client certificate                       HMAC(cookie, challenge)      (AUTH-1)
//! hardened  both sides present one; signatures checked  HMAC(cookie, bound input)    (HARD-4)
//! ```

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Profile {
    Base,
    Hardened,
}

impl Profile {
    /// `base` or `hardened`; the error names the rule and the value seen.
    pub fn parse(s: &str) -> Result<Profile, String> {
        match s {
            "base" => Ok(Profile::Base),
            "hardened" => Ok(Profile::Hardened),
            other => Err(format!("HARD-1: profile must be \"base\" or \"hardened\", saw {:?}", other)),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Profile::Base => "base",
            Profile::Hardened => "hardened",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exactly_two_profiles_parse() {
        assert_eq!(Profile::parse("base"), Ok(Profile::Base));
        assert_eq!(Profile::parse("hardened"), Ok(Profile::Hardened));
        for bad in ["", "Hardened", "hard", "base "] {
            let e = Profile::parse(bad).unwrap_err();
            assert!(e.contains("HARD-1") && e.contains(&format!("{:?}", bad)), "{}", e);
        }
        assert_eq!(Profile::parse(Profile::Hardened.as_str()), Ok(Profile::Hardened));
    }
}
