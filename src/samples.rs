//! The sample campaigns in `campaigns/`, embedded so that a fresh database can be seeded from
//! any folder. A test keeps this list and the folder in step.

macro_rules! samples {
    ($($file:literal),* $(,)?) => {
        /// (file name, RON text) of every sample campaign.
        pub static SAMPLES: &[(&str, &str)] = &[
            $(($file, include_str!(concat!("../campaigns/", $file)))),*
        ];
    };
}

samples!(
    "welcome-email.ron",
    "skincare-recommendations.ron",
    "nearest-store-banner.ron",
    "wine-club-age-gate.ron",
    "anti-ageing-55-plus.ron",
    "makeup-for-women.ron",
    "lookalike-loans.ron",
    "quiet-ad-sync.ron",
    "sofa-recommendations.ron",
    "birthday-newsletter.ron",
    "blast-to-everyone.ron",
    "holiday-exclusion.ron",
    "legalese-notice.ron",
    "trail-shoes-undeclared.ron",
    "loyalty-preview-undeclared.ron",
    "recently-viewed-undeclared.ron",
    "garden-tools-untranslated.ron",
    "sugar-free-ads.ron",
    "teen-sneaker-retargeting.ron",
);
