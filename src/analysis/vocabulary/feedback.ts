/**
 * Ground truth (rubric: `feedback-loop`): where labels come from, the events that make them, and the
 * words that give (or only gesture at) their delay.
 */

/** Label and ground-truth sources. */
export const LABEL_SOURCE =
  /\b(?:labels?|labell?ed|labell?ing|ground[- ]truth|annotat(?:e|ed|ion|ions|ors?|ing)|(?<!(?:false|true) )(?:positives|negatives)|(?:positive|negative) (?:examples?|samples?|class|labels?|pairs?)|implicit (?:feedback|signals?)|explicit (?:feedback|signals?)|(?:user|customer|human|agent|reviewer|moderator) (?:feedback|reviews?|decisions?|labels?|selections?)|human[- ](?:review|raters?|labell?ers?|moderators?|annotators?|in[- ]the[- ]loop)|crowd[- ]?sourc\w*|chargebacks?|disputes?|outcomes? (?:are|is) (?:observed|known|logged|recorded)|supervision|\b1 if\b[^.;]{0,80}\b0 (?:if|otherwise)|(?:labell?ed|labels?) (?:as )?(?:1|0|positive|negative)\b|feedback (?:signal|signals|loop|comes|from|events?|data|arrives|is|are)|learn(?:s|ed|ing)? from (?:which|what|the users?|users?|clicks|feedback|their|behaviou?r))\b/g;

/**
 * Interactions logged or collected as they happen ("log user clicks for relevance feedback", "all
 * user activity (likes, skips) is tracked as events"): where labels would come from, named without
 * the word "label".
 */
export const COLLECTED_FEEDBACK =
  /\b(?:log(?:s|ged|ging)?|collect(?:s|ed|ing)?|track(?:s|ed|ing)?|record(?:s|ed|ing)?|captur(?:e|es|ed|ing)|gather(?:s|ed|ing)?)\b[^.;]{0,60}?\b(?:clicks?|likes|skips?|ratings?|purchases|plays|user (?:activity|actions|interactions|behaviou?r|feedback|queries and clicks)|interactions|(?:relevance|user|customer|explicit|implicit) feedback|feedback (?:to be used |used )?(?:for|to) (?:re-?)?train\w*)\b|\b(?:user (?:activity|actions?|interactions?|behaviou?r|events?)|clicks|likes|ratings|interactions)\b[^;]{0,80}?\b(?:is|are) (?:logged|collected|tracked|recorded|captured)\b/;

/** A concrete source of ground truth: events that come back from users or the world (the generic word "labels" is not one). */
export const FEEDBACK_EVENT =
  /\b(?:clicks?|purchases?|conversions?|chargebacks?|disputes?|ratings?|outcomes?|accept(?:s|ed|ance)|watch(?:es|ed)?|plays?|completions?|installs?|bookings?|cancellations?|defaults?|repayments?|interactions?|reviewers?|human review|manual review|raters?|annotators?|moderators?|labell?ers?|appeals?|timestamps?|complet(?:ion|ions|ed)|likes|comments|reshares|shares|orders|transactions|work orders?|(?:user|customer) reports?|sales|returns|refunds|survey responses?|progress events?|events)\b/g;

/** Time words that make a delay vague, not concrete. */
export const DELAY_CUE = /\b(?:delay(?:ed|s)?|lag(?:s|ged)?|sla|turnaround|old|freshest|stale|arriv(?:e|es|al)|available|known|observed|materiali[sz]e|matur(?:e|es|ity)|after|within|later|wait(?:ing)?|takes?|attribution window|label window|until|settle)\b/g;

export const IMMEDIATE_FEEDBACK = /\b(?:within (?:the|a) (?:same )?(?:session|request|page ?view|visit)|in[- ]session|same[- ]day|the moment (?:they|it) happens?|as (?:they|it) happens?|at (?:click|request|serving) time)\b/g;

export const FEEDBACK_LOOP = /\bfeedback[- ]loops?\b/g;

/** "Label" as what a classifier outputs, or data being labelled in general: not where ground truth comes from. */
export const CLASSIFIER_LABEL = /\b(?:multi[- ]?label|class labels?|label[- ](?:dimensionality|space|smoothing|encoding|encoder|noise)|labell?ed data|keep it (?:clean and )?labell?ed)\b/;

/**
 * "Label" and "negatives" that are not ground truth at all: the labels of metrics, pods and issues
 * ("label name", "Prometheus labels"), and negatives drawn for training ("in-batch negatives",
 * "negative sampling", "hard negatives").
 */
export const NOT_GROUND_TRUTH =
  /\b(?:label (?:names?|selectors?|keys?|values?|sets?)|(?:metrics?|pod|prometheus|kubernetes|k8s|node|docker|github|issue|pull request|git) labels?|in[- ]batch negatives?|hard negatives?|negative sampling|(?:random(?:ly)?|sampled|uniform) negatives?|negatives? (?:are|is) sampled)\b/;
