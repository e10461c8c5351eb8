package search

import "strings"

// People type questions ("how do I avoid n+1 queries", "what is the best
// way to cache a view"), and the words that make a sentence a question say
// nothing about its topic. The English analyzer already drops the function
// words (how, do, I, what, is, the, ...); these two lists cover the rest,
// and apply only to queries of two or more free words, so that a query of
// one word is searched as typed.

// questionWords carry no topic in a question and are not searched.
var questionWords = wordSet(`way ways best good better proper properly correct correctly right
	actually really just simply exactly possible thing things something anything someone
	please example examples explain tell question questions kind sort type types
	anyone somebody anybody help helps trying tried beginner newbie noob simple simply easy easily
	quick quickly guys`)

// weakWords are verbs and connectives that a title may contain in passing
// ("when should you avoid them", "why is it not for production"): they
// still count, at a small weight, so that they break ties without
// outranking the topic. "not" is one: it matters in Q objects (~Q), which
// the synonyms reach through "or"/"not" with the words around them.
var weakWords = wordSet(`use uses using used make makes making made get gets getting got avoid
	need needs want wants work works working happen happens happening try tries let lets put
	have has see give go goes know mean means not no difference differ different versus vs
	instead add adding change changing write writing create creating keep stop start
	django python`)

// boostWeak is the weight of a weak word in a question.
const boostWeak = 0.25

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
