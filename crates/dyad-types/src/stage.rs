use crate::Analysis;

/// A pipeline stage: reads what earlier stages found in an [`Analysis`] and adds its own.
///
/// A stage never removes what earlier stages added and never fails a document: whatever it
/// cannot analyse it leaves out.
pub trait Stage: Send + Sync {
    /// A short name with version, recorded in the output (`"segment@1"`).
    fn name(&self) -> &str;

    /// Adds this stage's results to `analysis`.
    fn process(&self, analysis: &mut Analysis);
}
