//! One widget as the view shows it: the core's model, the labels it speaks, and its words.

use crate::core::embed::WidgetModel;
use crate::view::i18n::Labels;
use crate::view::words::Words;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Widget {
    pub model: WidgetModel,
    pub labels: Labels,
    pub words: Words,
}

impl Widget {
    pub fn new(model: WidgetModel, labels: Labels) -> Self {
        let words = Words::of(&model, &labels);
        Self {
            model,
            labels,
            words,
        }
    }
}
