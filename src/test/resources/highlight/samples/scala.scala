package blog

import scala.collection.mutable
import scala.concurrent.{ExecutionContext, Future}
import scala.util.{Failure, Success, Try}

/** A post, with its tags. */
final case class Post(title: String, tags: Seq[String] = Nil, views: Int = 0) {
  def isPopular: Boolean = views > Post.Threshold
}

object Post {
  val Threshold = 1000

  def parse(line: String): Option[Post] = line.split(';').toList match {
    case title :: tags :: Nil => Some(Post(title.trim, tags.split(',').map(_.trim).toSeq))
    case title :: Nil         => Some(Post(title.trim))
    case _                    => None
  }
}

sealed trait Event
case class Viewed(post: Post) extends Event
case object Reset extends Event

class Stats(implicit ec: ExecutionContext) {
  private val counts = mutable.Map.empty[String, Int].withDefaultValue(0)

  def record(event: Event): Unit = event match {
    case Viewed(post) => post.tags.foreach(tag => counts(tag) += 1)
    case Reset        => counts.clear()
  }

  def top(n: Int): List[(String, Int)] = counts.toList.sortBy { case (_, c) => -c }.take(n)

  def load(lines: Iterator[String]): Future[Int] = Future {
    lines.flatMap(Post.parse).map(p => { record(Viewed(p)); 1 }).sum
  }
}

object Main extends App {
  implicit val ec: ExecutionContext = ExecutionContext.global
  val stats = new Stats
  stats.load(Iterator("Hello;scala,jvm", "Bye")).onComplete {
    case Success(n) => println(s"loaded $n posts, top: ${stats.top(3)}")
    case Failure(e) => Console.err.println("failed: " + e.getMessage)
  }
  val ratio: Double = 0.5 * 0x10
  Try(ratio.toInt).getOrElse(-1)
}
